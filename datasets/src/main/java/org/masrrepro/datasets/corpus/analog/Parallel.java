package org.masrrepro.datasets.corpus.analog;

import org.masrrepro.datasets.util.ProgressListener;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs independent per-item work on two threads, results in input order (so bytes do not depend on scheduling). */
final class Parallel {

    /** One item's work. */
    @FunctionalInterface
    interface Work<J, R> {
        R apply(J job) throws Exception;
    }

    private Parallel() {}

    static <J, R> List<R> map(List<J> jobs, Work<J, R> work, java.util.function.Function<J, String> name,
            ProgressListener progress) throws IOException {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        List<Future<R>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (J j : jobs) {
                futures.add(exec.submit(() -> work.apply(j)));
            }
            List<R> out = new ArrayList<>(jobs.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    throw new IOException(name.apply(jobs.get(i)) + ": " + c.getMessage(), c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted at " + name.apply(jobs.get(i)), e);
                }
                if ((i + 1) % 50 == 0 || i + 1 == futures.size()) {
                    double elapsed = (System.nanoTime() - t0) / 1e9;
                    progress.onProgress("corpus", i + 1, jobs.size(), Double.NaN, elapsed / (i + 1) * (jobs.size() - i - 1));
                }
            }
            return out;
        } finally {
            exec.shutdownNow();
        }
    }
}
