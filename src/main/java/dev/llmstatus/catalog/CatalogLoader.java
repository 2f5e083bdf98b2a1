package dev.llmstatus.catalog;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.Resource;

import dev.llmstatus.system.YamlDocument;
import dev.llmstatus.system.YamlProblem;

/**
 * Reads the catalog YAML into a {@link Catalog}, or fails with one line that names the provider, the field and the
 * problem ({@code providers[stepfun].components[api].probe.intervall: unknown field}). The file binds to
 * {@link CatalogFile}; Bean Validation checks each field, and this class what spans fields and entries.
 */
public final class CatalogLoader {

    private CatalogLoader() {
    }

    public static Catalog load(Resource resource) {
        try {
            YamlDocument document = YamlDocument.read(resource);
            CatalogFile file = document.bind(CatalogFile.class).withDefaults();
            document.validate(file);
            checkAcrossFields(document, file.providers());
            return new Catalog(file.providers());
        }
        catch (YamlProblem ex) {
            throw new CatalogException("Invalid catalog " + resource.getDescription() + ": " + ex.getMessage(), ex);
        }
    }

    private static void checkAcrossFields(YamlDocument document, List<Provider> providers) {
        Map<String, String> owners = new HashMap<>();
        for (Provider provider : providers) {
            owners.put(Catalog.normal(provider.slug()), "the slug of '" + provider.slug() + "'");
        }
        Set<String> slugs = new HashSet<>();
        for (int p = 0; p < providers.size(); p++) {
            Provider provider = providers.get(p);
            if (!slugs.add(provider.slug())) {
                throw document.problem("duplicate slug '" + provider.slug() + "'", "providers", p, "slug");
            }
            int index = p;
            provider.statusPage().missingField().ifPresent((field) -> {
                throw document.problem("missing (kind '" + YamlDocument.yamlName(provider.statusPage().kind())
                        + "' needs it)", "providers", index, "statusPage", field);
            });
            Set<String> keys = new HashSet<>();
            for (int c = 0; c < provider.components().size(); c++) {
                Component component = provider.components().get(c);
                if (!keys.add(component.key())) {
                    throw document.problem("duplicate component key '" + component.key() + "'", "providers", p,
                            "components", c, "key");
                }
                ProbeDefinition probe = component.probe();
                checkTiming(document, probe.latencyThreshold(), "latencyThreshold", probe.timeout(),
                        probe.interval(), "providers", p, "components", c, "probe");
            }
            Set<String> ids = new HashSet<>();
            for (int m = 0; m < provider.models().size(); m++) {
                ModelDefinition model = provider.models().get(m);
                if (!ids.add(model.id())) {
                    throw document.problem("duplicate model id '" + model.id() + "'", "providers", p, "models", m,
                            "id");
                }
                checkTiming(document, model.ttftThreshold(), "ttftThreshold", model.timeout(), model.interval(),
                        "providers", p, "models", m);
            }
            for (int a = 0; a < provider.aliases().size(); a++) {
                String alias = provider.aliases().get(a);
                String owner = owners.putIfAbsent(Catalog.normal(alias), "an alias of '" + provider.slug() + "'");
                if (owner != null) {
                    throw document.problem("'" + alias + "' is already " + owner, "providers", p, "aliases", a);
                }
            }
        }
    }

    /** A threshold below the timeout, and a timeout no longer than the interval. */
    private static void checkTiming(YamlDocument document, Duration threshold, String thresholdName,
            Duration timeout, Duration interval, Object... path) {
        if (threshold.compareTo(timeout) >= 0) {
            throw document.problem("must be shorter than the timeout (" + YamlDocument.text(timeout) + ")", append(path,
                    thresholdName));
        }
        if (timeout.compareTo(interval) > 0) {
            throw document.problem("must not be longer than the interval (" + YamlDocument.text(interval) + ")",
                    append(path, "timeout"));
        }
    }

    private static Object[] append(Object[] path, String field) {
        Object[] longer = Arrays.copyOf(path, path.length + 1);
        longer[path.length] = field;
        return longer;
    }

}
