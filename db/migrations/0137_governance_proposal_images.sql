-- A proposal's image (issue 11: residents propose with a title, body, category, place and an image).
-- At most one, optional: the image itself is a media_images row of the same organization (0005:
-- checked, cleaned, Korean alt text required) and the proposal points at it. The author or a
-- co-author sets, replaces and removes it while the phase takes proposals; staff may remove it.
-- Replacing or removing deletes the old image; deleting the image clears the link. The image is
-- served publicly by id (/api/v1/media/:id) at its organization's host; read models leave it out
-- wherever the proposal itself is hidden.
alter table governance_proposals
  add column image_id uuid unique references media_images(id) on delete set null;
