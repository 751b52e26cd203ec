package org.mcsgov.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mcsgov.platform.Csv;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Every register list: /register/{name} (50 rows a page) and /register/{name}.csv (all rows, UTF-8 with BOM). */
@Controller
public class RegisterListController {

    private final Map<String, RegisterList<?>> lists;

    public RegisterListController(List<RegisterList<?>> lists) {
        this.lists = lists.stream().collect(Collectors.toMap(RegisterList::name, Function.identity()));
    }

    @GetMapping("/register")
    public String home() {
        return "register/home";
    }

    @GetMapping("/register/{name}")
    public String page(@PathVariable String name, @RequestParam Map<String, String> criteria,
                       @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("list", ListView.of(list(name), criteria, page));
        return "register/list";
    }

    @GetMapping("/register/{name}.csv")
    public ResponseEntity<byte[]> csv(@PathVariable String name, @RequestParam Map<String, String> criteria) {
        RegisterList<?> list = list(name);
        return Csv.response(name + ".csv", list.columns().stream().map(RegisterList.Column::header).toList(),
                ListView.csvRows(list, criteria));
    }

    private RegisterList<?> list(String name) {
        RegisterList<?> list = lists.get(name);
        if (list == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "一覧が見つかりません / no such list: " + name);
        }
        if (!list.visible()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "この情報を閲覧する権限がありません / you may not read this");
        }
        return list;
    }
}
