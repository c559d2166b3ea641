/** @odoo-module **/
import { patch } from "@web/core/utils/patch";
import { append, createElement } from "@web/core/utils/xml";
import { FormCompiler } from "@web/views/form/form_compiler";

// On a phone Odoo moves every button of a form's header into the gear menu. The SOP's daily
// actions (claim, log a follow-up, release) carry the class `o_sop_phone_visible` and stay in
// the header there, where a rep sees them at once; the gear menu keeps the other buttons.
const PHONE_VISIBLE = "o_sop_phone_visible";

function isPhoneVisible(node) {
    return node.tagName === "button" && node.classList.contains(PHONE_VISIBLE);
}

patch(FormCompiler.prototype, {
    compileHeader(el, params) {
        const pinned = [...el.children].filter(isPhoneVisible);
        if (!pinned.length) {
            return super.compileHeader(el, params);
        }
        if (params.asDropdownItems) {
            // The gear menu of a phone: without the buttons already shown in the header.
            const rest = el.cloneNode(true);
            [...rest.children].filter(isPhoneVisible).forEach((node) => node.remove());
            return super.compileHeader(rest, params);
        }
        const statusBar = super.compileHeader(el, params);
        const phoneButtons = createElement("StatusBarButtons", {
            "t-if": "__comp__.env.isSmall and !__comp__.env.inDialog",
        });
        pinned.forEach((node, index) => {
            const button = this.compileNode(node, params);
            if (!button) {
                return;
            }
            button.setAttribute("defaultRank", "'btn-secondary'");
            const slot = createElement("t", {
                "t-set-slot": `button_${index}`,
                isVisible: button.getAttribute("t-if") || true,
            });
            append(slot, button);
            append(phoneButtons, slot);
        });
        statusBar.prepend(phoneButtons);
        return statusBar;
    },
});
