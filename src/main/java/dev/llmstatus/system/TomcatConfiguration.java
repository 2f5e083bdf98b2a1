package dev.llmstatus.system;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link SiteErrorReportValve} in place of Tomcat's error report (and of the one Spring Boot adds), so that
 * the answers Tomcat gives on its own look like the site's and carry its security headers.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorReport(SiteProperties site) {
        return new ErrorReportCustomizer(new SecurityHeaders(site));
    }

    /** Runs after Spring Boot's own customizer, whose context customizer adds a plain ErrorReportValve. */
    private record ErrorReportCustomizer(SecurityHeaders headers)
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers((context) -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // Tomcat adds a valve of this class when the host starts, unless one is there already.
                host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
                host.getPipeline().addValve(new SiteErrorReportValve(this.headers));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

    }

}
