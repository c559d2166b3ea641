/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// A rep opens My Day: today's follow-ups and new customers beside their daily quotas, the one
// below its quota in red; on a desktop, the past days in a list.
registry.category("web_tour.tours").add("sales_lead_sop_rep_my_day", {
    steps: () => [
        {
            content: "Today's card: 2 follow-ups of a quota of 3, in red",
            trigger: ".o_sop_day_quota .o_kanban_record:first [name='followup_count']:has(.o_sop_kpi_missed):contains('2'):contains('3')",
        },
        {
            content: "1 new customer of a quota of 1: met, not red",
            trigger: ".o_sop_day_quota .o_kanban_record:first [name='customer_count']:not(:has(.o_sop_kpi_missed)):contains('1')",
        },
        {
            content: "Only the rep's own days",
            trigger: ".o_sop_day_quota:not(:has(.o_kanban_record:contains('Tour Quota Bo')))",
        },
        ...(uiUtils.isSmall()
            ? []
            : [
                  {
                      content: "Switch to the list of the last days",
                      trigger: ".o_cp_switch_buttons .o_switch_view.o_list",
                      run: "click",
                  },
                  {
                      content: "One row per day, today's follow-ups red",
                      trigger: ".o_list_view .o_data_row:first td[name='followup_count'].text-danger:contains('2')",
                  },
              ]),
    ],
});

// A team manager opens the Daily Scorecard: every rep of the team today, also one who did
// nothing, each figure beside the quota (the company's or the rep's own).
registry.category("web_tour.tours").add("sales_lead_sop_manager_day_scorecard", {
    steps: () =>
        uiUtils.isSmall()
            ? [
                  {
                      content: "On a phone: a card per rep, Ann's follow-ups red beside the quota of 3",
                      trigger: ".o_kanban_record:contains('Tour Quota Ann') [name='followup_count']:has(.o_sop_kpi_missed):contains('3')",
                  },
                  {
                      content: "Bo logged nothing: 0 of Bo's own quota of 5, red",
                      trigger: ".o_kanban_record:contains('Tour Quota Bo') [name='followup_count']:has(.o_sop_kpi_missed):contains('0'):contains('5')",
                  },
              ]
            : [
                  {
                      content: "Ann's follow-ups red, not her whole row",
                      trigger: ".o_data_row:contains('Tour Quota Ann'):not(.text-danger) td[name='followup_count'].text-danger:contains('2')",
                  },
                  {
                      content: "Ann's quota is the company's, 3",
                      trigger: ".o_data_row:contains('Tour Quota Ann') td[name='followup_target']:contains('3')",
                  },
                  {
                      content: "Bo has a row although Bo did nothing today, with Bo's own quota of 5",
                      trigger: ".o_data_row:contains('Tour Quota Bo') td[name='followup_target']:contains('5')",
                  },
                  {
                      content: "Ann met the new-customer quota: not red",
                      trigger: ".o_data_row:contains('Tour Quota Ann') td[name='customer_count']:not(.text-danger):contains('1')",
                  },
              ],
});
