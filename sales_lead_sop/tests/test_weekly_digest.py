from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SopCommon


@tagged("sales_lead_sop", "post_install", "-at_install")
class TestWeeklyDigest(SopCommon):
    @freeze_time("2026-11-20 03:00:00")
    def test_digest_lists_team_items_only(self):
        followup_type = self.env.ref("sales_lead_sop.mail_activity_type_sop_followup")
        overdue = self._create_customer("Overdue Co", user_id=self.rep_a.id, sop_grade="B")
        due_later = self._create_customer("Later Co", user_id=self.rep_b.id, sop_grade="B")
        other_team = self._create_customer("Other Team Co", user_id=self.rep_c.id, sop_grade="B")
        for partner, deadline in ((overdue, date(2026, 11, 19)), (due_later, date(2026, 11, 20))):
            partner.activity_schedule(
                activity_type_id=followup_type.id, date_deadline=deadline, user_id=partner.user_id.id
            )
        other_team.activity_schedule(
            activity_type_id=followup_type.id, date_deadline=date(2026, 11, 1), user_id=self.rep_c.id
        )
        recycling = self._create_customer("Recycle Soon Co", user=self.rep_b)
        not_yet = self._create_customer("Recycle Later Co", user=self.rep_b)
        recycling.flush_recordset()
        self.env.cr.execute(
            "UPDATE res_partner SET sop_recycle_date = %s WHERE id = %s", (date(2026, 11, 27), recycling.id)
        )
        self.env.cr.execute(
            "UPDATE res_partner SET sop_recycle_date = %s WHERE id = %s", (date(2026, 11, 28), not_yet.id)
        )
        self.env.invalidate_all()
        self.env["crm.lead"].create(
            {"name": "Digest lead", "type": "lead", "user_id": self.rep_a.id, "team_id": self.team_a.id}
        )

        values = self.team_a.with_user(self.manager_a)._sop_digest_values()
        self.assertEqual(values["overdue"].mapped("res_id"), overdue.ids)
        self.assertEqual(values["recycling"], recycling)
        kpis = values["kpis"]
        self.assertEqual(kpis.user_id, self.rep_a | self.rep_b)
        self.assertEqual(kpis.filtered(lambda k: k.user_id == self.rep_a).lead_count, 1)
        self.assertEqual(kpis.filtered(lambda k: k.user_id == self.rep_b).customer_count, 3)

        mails_before = self.env["mail.mail"].search([])
        self.env["crm.team"]._cron_sop_weekly_digest()
        mails = self.env["mail.mail"].search([("id", "not in", mails_before.ids)])
        mail_a = mails.filtered(lambda m: self.manager_a.partner_id in m.recipient_ids)
        self.assertEqual(len(mail_a), 1)
        self.assertIn("SOP Team A", mail_a.subject)
        self.assertIn("Overdue Co", mail_a.body_html)
        self.assertIn("Recycle Soon Co", mail_a.body_html)
        self.assertNotIn("Recycle Later Co", mail_a.body_html)
        self.assertNotIn("Other Team Co", mail_a.body_html)
        self.assertNotIn("Later Co,", mail_a.body_html)
        self.assertIn("No pending claim request", mail_a.body_html)
        mail_b = mails.filtered(lambda m: self.manager_b.partner_id in m.recipient_ids)
        self.assertIn("Other Team Co", mail_b.body_html)
        self.assertNotIn("Overdue Co", mail_b.body_html)

    def test_digest_in_manager_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        template = self.env.ref("sales_lead_sop.mail_template_sop_weekly_digest")
        self.assertTrue(self.env["mail.template"]._fields["body_html"].translate)
        self.manager_a.lang = "zh_CN"
        self.assertEqual(template._render_lang(self.team_a.ids)[self.team_a.id], "zh_CN")
