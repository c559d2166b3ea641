#!/usr/bin/env bash
# `make pot`: regenerate i18n/sales_lead_sop.pot from a database with the addon (and its demo
# data, like the test database), then bring zh_CN.po in line with it (new strings added empty,
# gone strings dropped). Extra .po files given as arguments supply translations; Odoo's own
# zh_CN catalogs fill generic labels (Created by, Messages, ...) the addon inherits.
source "$(dirname "$0")/env.sh"
setup_all
DB=${SOP_I18N_DB:-sop_i18n}
if module_installed "$DB"; then
    odoo -d "$DB" -u sales_lead_sop --stop-after-init --log-level=warn || die "updating $DB failed"
else
    dropdb --if-exists "$DB"
    odoo -d "$DB" -i sales_lead_sop --stop-after-init --log-level=warn || die "installing in $DB failed"
fi
odoo -d "$DB" --i18n-export="$ROOT/sales_lead_sop/i18n/sales_lead_sop.pot" --modules=sales_lead_sop \
    --stop-after-init --log-level=warn
"$PY" "$ROOT/tools/i18n_merge.py" "$ROOT/sales_lead_sop/i18n/sales_lead_sop.pot" \
    "$ROOT/sales_lead_sop/i18n/zh_CN.po" "$@" \
    "$ODOO_SRC"/addons/{mail,crm,sms,sales_team}/i18n/zh_CN.po "$ODOO_SRC/odoo/addons/base/i18n/zh_CN.po"
