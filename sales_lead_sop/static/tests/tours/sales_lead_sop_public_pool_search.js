/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// A rep searches the public pool by former owner, then groups it by how the customers came
// there. Labels are matched in English and Chinese (原跟进销售, 入公海方式).
const kanban = ".o_kanban_view";
const card = (name) => `.o_kanban_record:contains('${name}')`;

registry.category("web_tour.tours").add("sales_lead_sop_public_pool_search", {
    steps: () => [
        {
            content: "Both public customers are listed",
            trigger: `${kanban}:has(${card("Tour Released Co")}):has(${card("Tour Recycled Co")})`,
        },
        ...(uiUtils.isSmall()
            ? [
                  {
                      content: "On a phone, open the search bar",
                      trigger: ".o_control_panel button:has(i.fa-search)",
                      run: "click",
                  },
              ]
            : []),
        {
            content: "Type the former owner",
            trigger: ".o_searchview_input",
            run: "edit Tour Leaver Alpha",
        },
        {
            content: "Search it as the former owner",
            trigger:
                ".o_searchview_autocomplete .o_menu_item:contains('Former Owner'), " +
                ".o_searchview_autocomplete .o_menu_item:contains('原跟进销售')",
            run: "click",
        },
        {
            content: "Only the customer released by that owner is left",
            trigger: `${kanban}:has(${card("Tour Released Co")}):not(:has(${card("Tour Recycled Co")}))`,
        },
        {
            content: "Clear the search",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Both are back",
            trigger: `${kanban}:has(${card("Tour Released Co")}):has(${card("Tour Recycled Co")})`,
        },
        {
            content: "Open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Group by how they came to the public pool",
            trigger:
                ".o_group_by_menu .o_menu_item:contains('Came From'), " +
                ".o_group_by_menu .o_menu_item:contains('入公海方式')",
            run: "click",
        },
        {
            content: "Released and recycled customers are in different groups",
            trigger:
                `${kanban} .o_kanban_group:has(${card("Tour Recycled Co")}):not(:has(${card("Tour Released Co")}))`,
        },
    ],
});
