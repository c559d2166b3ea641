/** @odoo-module **/
import { registry } from "@web/core/registry";

// Who reads a handover list (交接清单): a receiver sees only the customers handed to them,
// sales support the whole list. Opens the Handovers menu and the handover.
function readHandover(expected, hidden) {
    const lines = ".o_field_widget[name='line_ids']";
    return [
        {
            content: "Open the handover",
            trigger: ".o_list_renderer .o_data_row .o_data_cell, .o_kanban_record:not(.o_kanban_ghost)",
            run: "click",
        },
        {
            content: `The list shows ${expected.join(", ")}`,
            trigger: lines + expected.map((name) => `:contains('${name}')`).join(""),
        },
        ...hidden.map((name) => ({
            content: `The list does not show ${name}`,
            trigger: `${lines}:contains('${expected[0]}'):not(:contains('${name}'))`,
        })),
    ];
}

registry.category("web_tour.tours").add("sales_lead_sop_handover_receiver", {
    steps: () => readHandover(["Tour Given Mine Co"], ["Tour Given Theirs Co"]),
});

registry.category("web_tour.tours").add("sales_lead_sop_handover_support", {
    steps: () => readHandover(["Tour Given Mine Co", "Tour Given Theirs Co"], []),
});
