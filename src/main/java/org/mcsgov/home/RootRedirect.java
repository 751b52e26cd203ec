package org.mcsgov.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "/" led to Camunda's Welcome page, which names neither MCS nor the association (issue 15); it now leads to the
 * home page, whose login check sends a stranger to the login first. Apart from HomePage because "/" needs no login.
 */
@Controller
public class RootRedirect {

    @GetMapping("/")
    public String root() {
        return "redirect:" + HomePage.PATH;
    }
}
