package dev.llmstatus.official;

import java.util.List;

import org.springframework.context.ApplicationContext;

/** Lets tests of other packages store official readings the way a round of the reader does. */
public final class StoredOfficialPages {

    private StoredOfficialPages() {
    }

    public static void save(ApplicationContext context, OfficialStatus... readings) {
        context.getBean(OfficialPages.class).save(List.of(readings));
    }

}
