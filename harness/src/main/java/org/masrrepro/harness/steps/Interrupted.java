package org.masrrepro.harness.steps;

/** A step stopped on request before finishing (e.g. {@code --interrupt-after-steps}); it leaves no DONE marker. */
public final class Interrupted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Interrupted(String message) {
        super(message);
    }
}
