def pre_init_hook(env):
    """Create the stored computed columns before the ORM sees them.

    When the ORM creates a column for a stored computed field it computes it for every
    existing row in Python; on a million partners that takes hours. No partner is an SOP
    customer before the addon is installed, so the right initial value is NULL for all.
    """
    env.cr.execute(
        """ALTER TABLE res_partner
               ADD COLUMN IF NOT EXISTS sop_completeness integer,
               ADD COLUMN IF NOT EXISTS sop_pool_state varchar"""
    )
