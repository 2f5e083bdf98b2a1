package dev.llmstatus.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Lets a test take the database away: while it is down, every attempt to get a connection fails the way an
 * unreachable server or an exhausted pool does.
 */
@TestConfiguration(proxyBeanMethods = false)
class SwitchableDatabase {

    @Bean
    static Switch databaseSwitch() {
        return new Switch();
    }

    static final class Switch implements BeanPostProcessor {

        private volatile boolean down;

        void down() {
            this.down = true;
        }

        void up() {
            this.down = false;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                        (proxy, method, args) -> {
                            if (this.down && method.getName().equals("getConnection")) {
                                throw new SQLTransientConnectionException("database unreachable (test switch)");
                            }
                            try {
                                return method.invoke(dataSource, args);
                            }
                            catch (InvocationTargetException ex) {
                                throw ex.getCause();
                            }
                        });
            }
            return bean;
        }

    }

}
