/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// A sales administrator opens Settings, finds every SOP threshold of the spec in the CRM
// section, changes the private-pool capacity and saves, then turns the SOP on for a sales team.
// Selectors use field names and menu xml ids only, so the tour runs in any language.

// One field per threshold of SOP.md (defaults in models/sop_settings.py).
const SPEC_THRESHOLDS = [
    // §2 leads
    "sop_alibaba_processing_days",
    "sop_first_contact_days",
    "sop_customer_entry_working_days",
    "sop_cadence_potential_days",
    "sop_cadence_clear_days",
    "sop_cadence_high_days",
    "sop_rating_weight_need",
    "sop_rating_weight_budget",
    "sop_rating_weight_cycle",
    "sop_rating_threshold_a",
    "sop_rating_threshold_b",
    "sop_lead_recycle_days",
    // §4 pools
    "sop_capacity",
    "sop_cooldown_days",
    "sop_daily_claim_limit",
    "sop_recycle_warning_days",
    // §5 duplicate check
    "sop_duplicate_similarity",
    "sop_duplicate_policy_name",
    "sop_duplicate_policy_phone",
    "sop_duplicate_policy_email",
    "sop_duplicate_policy_email_domain",
    "sop_duplicate_policy_website",
    "sop_duplicate_policy_similar_name",
    // §6 opportunities
    "sop_expected_close_months",
    // §7 grades and cadence
    "sop_grade_a_amount",
    "sop_grade_b_amount",
    "sop_grade_c_amount",
    "sop_cadence_days_a",
    "sop_cadence_days_b",
    "sop_cadence_days_c",
    "sop_cadence_days_d",
    "sop_over_contact_max_d",
    "sop_pause_reactivate_days",
    "sop_first_followup_working_days",
    // §8 handover
    "sop_handover_block_days",
    "sop_handover_ack_working_days",
    // §9 KPI targets
    "sop_kpi_target_leads",
    "sop_kpi_target_customers",
    "sop_kpi_target_opp_existing",
    "sop_kpi_target_opp_new",
    "sop_kpi_target_alibaba_on_time",
    "sop_kpi_target_first_followup_on_time",
    "sop_kpi_target_coverage",
    "sop_kpi_target_completeness",
    // issue 20: cadence units, key stages, after-sales, reminders, daily quotas, entry, handover feedback
    "sop_cadence_potential_unit",
    "sop_cadence_clear_unit",
    "sop_cadence_high_unit",
    "sop_key_stage_cadence_days",
    "sop_key_stage_cadence_unit",
    "sop_aftersales_visit_working_days",
    "sop_reminder_lead_days",
    "sop_quota_daily_followups",
    "sop_quota_daily_customers",
    "sop_kpi_target_entry_on_time",
    "sop_handover_feedback_days",
];
// Thresholds kept as configuration records (one row per group or rule), reached from Settings.
const SPEC_RECORDS = ["o_sop_open_customer_groups", "o_sop_open_recycle_rules"];

function openApp(xmlid) {
    if (uiUtils.isSmall()) {
        return [
            { content: "Open the app menu", trigger: ".o_main_navbar .o_menu_toggle", run: "click" },
            { content: "All apps", trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary", run: "click" },
            { content: `Open ${xmlid}`, trigger: `.o_app_menu_sidebar .o_app[data-menu-xmlid='${xmlid}']`, run: "click" },
        ];
    }
    return [
        { content: "Open the apps menu", trigger: ".o_navbar_apps_menu button:enabled", run: "click" },
        { content: `Open ${xmlid}`, trigger: `.o-dropdown--menu .o_app[data-menu-xmlid='${xmlid}']`, run: "click" },
    ];
}

function openMenu(section, item) {
    if (uiUtils.isSmall()) {
        return [
            { content: "Open the app's menu", trigger: ".o_main_navbar .o_menu_toggle", run: "click" },
            { content: `Open ${item}`, trigger: `.o_app_menu_sidebar li[data-menu-xmlid='${item}']`, run: "click" },
        ];
    }
    return [
        { content: `Open ${section}`, trigger: `.o_menu_sections [data-menu-xmlid='${section}']`, run: "click" },
        { content: `Open ${item}`, trigger: `.o-dropdown--menu [data-menu-xmlid='${item}']`, run: "click" },
    ];
}

registry.category("web_tour.tours").add("sales_lead_sop_admin_settings", {
    steps: () => [
        ...openApp("base.menu_administration"),
        {
            content: "Settings: the CRM section",
            trigger: ".settings_tab .tab[data-key='crm']",
            run: "click",
        },
        {
            content: "Every threshold of the spec is a setting of the CRM section",
            trigger:
                ".o_setting_container" +
                SPEC_THRESHOLDS.map((name) => `:has(.o_field_widget[name='${name}'])`).join(""),
        },
        {
            content: "The group and rule thresholds are one click away",
            trigger:
                ".o_setting_container" + SPEC_RECORDS.map((cls) => `:has(button.${cls})`).join(""),
        },
        {
            content: "Lower the private-pool capacity",
            trigger: ".o_field_widget[name='sop_capacity'] input",
            run: "edit 250",
        },
        {
            // saving settings reloads the page: the mark tells the reloaded page from this one
            content: "Mark the page before saving",
            trigger: "body",
            run() {
                document.body.classList.add("o_sop_before_save");
            },
        },
        {
            content: "Save",
            trigger: ".o_control_panel .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved and reloaded: nothing left unsaved and the new capacity shown",
            trigger:
                "body:not(.o_sop_before_save) .o-settings-form-view:not(:has(.o_dirty_warning)) .o_field_widget[name='sop_capacity'] input:value(250)",
        },
        ...openApp("crm.crm_menu_root"),
        ...openMenu("crm.crm_menu_config", "crm.crm_team_config"),
        {
            content: "Open the team",
            trigger:
                ".o_data_row:contains('Tour Admin Team') .o_data_cell, .o_kanban_record:contains('Tour Admin Team')",
            run: "click",
        },
        {
            content: "Turn the SOP on for the team",
            trigger: ".o_form_view .o_field_widget[name='sop_use_pipeline'] input:not(:checked)",
            run: "click",
        },
        {
            content: "Save the team",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved with the SOP on",
            trigger:
                ".o_form_view:not(:has(.o_form_button_save:visible)) .o_field_widget[name='sop_use_pipeline'] input:checked",
        },
    ],
});
