package dev.llmstatus.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements prepared on web request threads, to prove that page requests never reach the
 * database.
 */
public final class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement",
            "prepareCall");

    private final AtomicInteger onRequestThreads = new AtomicInteger();

    public int count() {
        return this.onRequestThreads.get();
    }

    public void reset() {
        this.onRequestThreads.set(0);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    (proxy, method, args) -> {
                        Object result = invoke(dataSource, method, args);
                        return (result instanceof Connection connection) ? wrap(connection) : result;
                    });
        }
        return bean;
    }

    private Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENT_METHODS.contains(method.getName()) && Thread.currentThread().getName().startsWith("http-")) {
                this.onRequestThreads.incrementAndGet();
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (java.lang.reflect.InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

}
