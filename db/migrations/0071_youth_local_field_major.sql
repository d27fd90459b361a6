-- A local policy's 대분류 (field_major) follows its fields, as 온통청년 names them: the staff form no
-- longer asks for it as free text beside the field boxes (issue 9), and the server writes it from
-- the fields on every save (policies/columns.ts fieldMajorOf). Older local rows are brought in line.
update youth_policies p
   set field_major = coalesce((
         select string_agg(case u.f when 'jobs' then '일자리'
                                    when 'housing' then '주거'
                                    when 'education' then '교육'
                                    when 'welfare' then '복지문화'
                                    when 'participation' then '참여권리' end, ',' order by u.n)
           from unnest(p.fields) with ordinality as u(f, n)), '')
 where p.source = 'local';
