/** @odoo-module **/
import { utils as uiUtils } from "@web/core/ui/ui_service";

// Steps the manager tours share. Selectors never rely on translated text.

/** Open the record `name` from a list (desktop) or kanban (phone). */
export function openRecord(name) {
    return {
        content: `Open ${name}`,
        trigger: `.o_data_row:contains('${name}') .o_data_cell:first, .o_kanban_record:contains('${name}')`,
        run: "click",
    };
}

/** Pick `text` in the relational field `field` of the form (or dialog) `scope`. */
export function pick(scope, field, text) {
    if (uiUtils.isSmall()) {
        // On a phone a many2one opens a search dialog instead of a dropdown.
        return [
            {
                content: `Open the ${field} search`,
                trigger: `${scope} .o_field_widget[name='${field}'] input`,
                run: "click",
            },
            {
                content: "Show the dialog's search bar",
                trigger: ".modal button:has(i.fa-search)",
                run: "click",
            },
            {
                content: `Search ${text}`,
                trigger: ".modal .o_searchview_input",
                run: `edit ${text} && press Enter`,
            },
            {
                content: `Pick ${text}`,
                trigger: `.modal .o_data_row:contains('${text}') .o_data_cell, .modal .o_kanban_record:contains('${text}')`,
                run: "click",
            },
        ];
    }
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `${scope} .o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

/** Click the form button `name`: in the header on a desktop, in the sheet on a phone (Odoo
 * folds header buttons into the gear menu there; a manager must not have to look for them). */
export function clickFormButton(name, content) {
    return {
        content,
        trigger: uiUtils.isSmall()
            ? `.o_form_sheet button[name='${name}']`
            : `.o_form_statusbar button[name='${name}']`,
        run: "click",
    };
}

/** Back to the previous screen (breadcrumb on a desktop, back arrow on a phone). */
export const back = {
    content: "Back",
    // in the control panel's breadcrumb on a desktop, in the navbar on a phone
    trigger: ".o_back_button",
    run: "click",
};
