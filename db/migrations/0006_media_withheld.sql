-- An image can be withheld: kept, but not served (/api/v1/media/:id answers 404) and left out of
-- read models, while the thing it belongs to is hidden — a proposal moderation hides or its author
-- withdraws (issue 11). Releasing it (the proposal shown again) serves it again under the same id.
alter table media_images add column withheld_at timestamptz;
