-- A least-privilege role for the check-in kiosk of a place (issue 10): a tablet at a public entrance
-- signs in with an account holding only 'kiosk', which may check people in by their code and nothing
-- else (no staff list, no personal data), instead of a staff session left on an unattended tablet.
alter table memberships drop constraint memberships_role_check;
alter table memberships add constraint memberships_role_check
  check (role in ('resident', 'youth', 'enterprise_member', 'buyer', 'working_group_member', 'kiosk', 'staff', 'admin'));
