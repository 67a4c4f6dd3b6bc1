package org.masrrepro.datasets.text;

import java.util.Map;

/**
 * One interface string and its human translations: n-way parallel text.
 *
 * @param id      short stable hash of domain and msgid
 * @param domain  the gettext domain it came from
 * @param english the msgid (English source)
 * @param text    translation by language code ("en" maps to the msgid)
 */
public record ParallelSentence(String id, String domain, String english, Map<String, String> text) {}
