from odoo import models


class CrmTeam(models.Model):
    """Teams carry activities so the quarterly grade review lands on the team its leader runs."""

    _name = "crm.team"
    _inherit = ["crm.team", "mail.activity.mixin"]
