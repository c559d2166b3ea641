{
    "name": "Sales Lead SOP",
    "summary": "Enforce your sales-lead SOP: private and public pools, duplicate "
    "checks, customer grading, follow-up cadence and KPIs",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "sales_lead_sop",
    "website": "https://example.com/sales_lead_sop",
    "depends": ["crm", "contacts", "utm", "resource"],
    "data": [
        "security/sales_lead_sop_groups.xml",
        "security/ir.model.access.csv",
        "security/sales_lead_sop_security.xml",
        "data/utm_source_data.xml",
        "data/sop_customer_group_data.xml",
        "views/sales_lead_sop_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/crm_lead_demo.xml",
        "demo/sop_access_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_lead_sop/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
