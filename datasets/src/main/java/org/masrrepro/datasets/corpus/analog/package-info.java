/**
 * Analog corpora other than FLEURS, built offline from Debian packages: an MLS-like ASR corpus (espeak-ng), real
 * voice-acted speech (Fish Fillets NG cs/nl) and LibriVox clips, and stand-ins for the NOSS tasks (VoxForge LID,
 * ASVspoof2019, IEMOCAP, ComParE Mask, ESC-50 human and cough). Each class builds one corpus deterministically,
 * reuses and validates an earlier complete build, and writes a corpus card that says what it stands for.
 */
package org.masrrepro.datasets.corpus.analog;
