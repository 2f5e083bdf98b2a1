package dev.llmstatus.web;

import dev.llmstatus.catalog.Catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Catalog catalog;

    HomeController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("providers", this.catalog.providers());
        return "home/index";
    }

}
