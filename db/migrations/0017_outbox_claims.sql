-- The dispatcher claims an outbox row (claim_id, until claimed_until) and commits before any
-- network send, so no transaction is held while a push service, SMTP server or SMS provider is
-- slow. A dispatcher that crashed leaves its claim to run out; the row is then taken again.
alter table outbox add column claim_id uuid, add column claimed_until timestamptz;

-- Without SMTP and without the dev mailbox, an email is recorded as not sent: 'disabled', no text.
alter table email_messages drop constraint email_messages_transport_check;
alter table email_messages
  add constraint email_messages_transport_check check (transport in ('smtp', 'dev_mailbox', 'disabled'));
