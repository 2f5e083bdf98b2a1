package dev.llmstatus.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders the head of every page that put a {@link PageMeta} named {@code meta} in its model.
 */
class HeadInterceptor implements HandlerInterceptor {

    private final HeadRenderer renderer;

    HeadInterceptor(HeadRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && modelAndView.getModel().get("meta") instanceof PageMeta meta) {
            modelAndView.addObject("head", this.renderer.render(meta));
        }
    }

}
