-- The console's action log reads every operator's actions, newest first, a page at a time: the evidence rows whose
-- details name an operator (class_policy set, class_approval, delivery_retry, face_review, flag_decision,
-- operator_account, platform_registration, catalogue_pull). They are few among the reports and checks, so a
-- partial index holds them alone, in the log's order.
CREATE INDEX IF NOT EXISTS evidence_events_operator_actions ON evidence_events (at DESC, id DESC)
    WHERE (details ->> 'operator') IS NOT NULL;
