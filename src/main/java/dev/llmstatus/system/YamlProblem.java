package dev.llmstatus.system;

/**
 * What is wrong with a YAML configuration file: the field, as a path with list entries named by their slug, key or
 * id ({@code providers[stepfun].components[api].probe.intervall}), and the problem ({@code unknown field}).
 */
public class YamlProblem extends RuntimeException {

    private final String path;

    private final String problem;

    YamlProblem(String path, String problem, Throwable cause) {
        super(path.isEmpty() ? problem : path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** The field, or {@code ""} for the whole file. */
    public String path() {
        return this.path;
    }

    public String problem() {
        return this.problem;
    }

}
