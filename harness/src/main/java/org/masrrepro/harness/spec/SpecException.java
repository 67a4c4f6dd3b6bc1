package org.masrrepro.harness.spec;

/** An invalid spec: says which file, which JSON path, what was found and what is allowed. */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String jsonPath;
    private final String problem;

    public SpecException(String file, String jsonPath, String problem) {
        super(file + ": " + jsonPath + ": " + problem);
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /** What was wrong, without file and path. */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    public String jsonPath() {
        return jsonPath;
    }
}
