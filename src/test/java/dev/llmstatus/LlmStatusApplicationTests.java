package dev.llmstatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The common-pool setting made before anything else starts: at least 2 on a machine of one or two cores (where the
 * JDK would otherwise start a thread per asynchronous completion), left alone on bigger machines and when the
 * operator set it.
 */
class LlmStatusApplicationTests {

    private String before;

    @BeforeEach
    void remember() {
        this.before = System.getProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM);
        System.clearProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM);
    }

    @AfterEach
    void restore() {
        if (this.before != null) {
            System.setProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM, this.before);
        }
        else {
            System.clearProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM);
        }
    }

    @Test
    void twoCoresOrFewerGetACommonPoolOfTwoUnlessTheOperatorSaidOtherwise() {
        LlmStatusApplication.useCommonPoolForAsyncCompletions();
        String set = System.getProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM);
        if (Runtime.getRuntime().availableProcessors() <= 2) {
            assertThat(set).isEqualTo("2");
        }
        else {
            assertThat(set).isNull();
        }
        System.setProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM, "7");
        LlmStatusApplication.useCommonPoolForAsyncCompletions();
        assertThat(System.getProperty(LlmStatusApplication.COMMON_POOL_PARALLELISM)).isEqualTo("7");
    }

}
