# Entry points; the work is in tools/*.sh. ODOO_SRC defaults to /opt/odoo18.
.PHONY: demo test lint pot

demo:  ## set up what is missing and serve the demo database on http://localhost:8069
	bash tools/demo.sh

test:  ## set up what is missing, lint, and run every test (CI runs this)
	bash tools/test.sh

lint:
	bash -c 'source tools/env.sh && require_odoo && ensure_venv && .venv/bin/pre-commit run --all-files'

pot:  ## regenerate i18n/sales_lead_sop.pot and align zh_CN.po with it
	bash tools/pot.sh
