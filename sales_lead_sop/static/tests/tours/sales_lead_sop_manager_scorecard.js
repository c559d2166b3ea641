/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { user } from "@web/core/user";

// A team manager reads the month's KPI scorecard: each figure beside its target, only the
// missed figure in red, then the month's figures per rep as a bar chart.
const zh = () => user.lang.startsWith("zh");

registry.category("web_tour.tours").add("sales_lead_sop_manager_scorecard", {
    steps: () => [
        {
            content: "The scorecard opens in the manager's language",
            trigger: zh()
                ? ".o_main_navbar:contains('考核'), .o_control_panel .o_breadcrumb:contains('考核')"
                : ".o_main_navbar:contains('KPI Scorecard'), .o_control_panel .o_breadcrumb:contains('KPI Scorecard')",
        },
        ...(uiUtils.isSmall()
            ? [
                  {
                      content: "On a phone: a card per rep, the lead count red beside its target of 6",
                      trigger:
                          ".o_kanban_record:contains('Tour Rep Ann') [name='channel_lead_count']:has(.o_sop_kpi_missed):contains('6')",
                  },
                  {
                      content: "No Alibaba inquiry was due: an empty rate, not a miss",
                      trigger:
                          ".o_kanban_record:contains('Tour Rep Ann') [name='alibaba_on_time_rate']:contains('–'):not(:has(.o_sop_kpi_missed))",
                  },
                  {
                      content: "The month in words",
                      trigger: zh()
                          ? ".o_kanban_record:contains('Tour Rep Ann'):contains('年'):contains('月')"
                          : ".o_kanban_record:contains('Tour Rep Ann'):contains(' 20')",
                  },
                  {
                      content: "Open the view switcher",
                      trigger: ".o_cp_switch_buttons .dropdown-toggle, .o_cp_switch_buttons button",
                      run: "click",
                  },
                  {
                      content: "Switch to the graph",
                      trigger: ".o-dropdown--menu .dropdown-item:has(i.fa-area-chart)",
                      run: "click",
                  },
              ]
            : [
                  {
                      content: "The column label carries the target",
                      trigger: ".o_list_view th[data-name='channel_lead_count']:contains('6')",
                  },
                  {
                      content: "Only the missed figure is red, not the whole row",
                      trigger:
                          ".o_data_row:contains('Tour Rep Ann'):not(.text-danger) td[name='channel_lead_count'].text-danger",
                  },
                  {
                      content: "No Alibaba inquiry was due: '–', not a red 100",
                      trigger:
                          ".o_data_row:contains('Tour Rep Ann') td[name='alibaba_on_time_rate']:not(.text-danger) .o_sop_rate_empty:contains('–')",
                  },
                  {
                      content: "The month in words",
                      trigger: ".o_data_row:contains('Tour Rep Ann') td[name='month_name']:contains(' 20')",
                  },
                  {
                      content: "Switch to the graph",
                      trigger: ".o_cp_switch_buttons .o_switch_view.o_graph",
                      run: "click",
                  },
              ]),
        {
            content: "A bar chart of the month's figures per rep",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
    ],
});
