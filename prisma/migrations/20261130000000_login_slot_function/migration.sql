-- A sign-in slot is reserved in one statement: the advisory locks on the pair and on the address,
-- the two failure counts and the reserving row all run inside the database, so the locks are held
-- for no longer than those statements (never across round trips to the app), and a burst of
-- attempts needs no interactive transaction. The function is VOLATILE: under READ COMMITTED each
-- statement in it takes a fresh snapshot, so a count taken after a lock sees every row committed by
-- the attempt that held the lock before.
CREATE FUNCTION reserve_login_slot(p_email text, p_ip text, p_window_minutes integer, p_per_pair integer, p_per_address integer)
RETURNS TABLE (outcome text, attempt_id bigint)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  -- created_at holds UTC without a zone (as Prisma writes it), whatever the session's TimeZone.
  now_utc timestamp := now() AT TIME ZONE 'UTC';
  since timestamp := now_utc - make_interval(mins => p_window_minutes);
  by_pair integer;
  by_address integer;
BEGIN
  -- Always the pair first, then the address: every caller takes them in the same order.
  PERFORM pg_advisory_xact_lock(hashtextextended('login:pair:' || p_email || E'\n' || p_ip, 0));
  PERFORM pg_advisory_xact_lock(hashtextextended('login:ip:' || p_ip, 0));
  SELECT count(*) INTO by_pair FROM login_attempts
    WHERE email = p_email AND ip = p_ip AND success = false AND created_at >= since;
  IF by_pair >= p_per_pair THEN
    RETURN QUERY SELECT 'pair'::text, NULL::bigint;
    RETURN;
  END IF;
  SELECT count(*) INTO by_address FROM login_attempts
    WHERE ip = p_ip AND success = false AND created_at >= since;
  IF by_address >= p_per_address THEN
    RETURN QUERY SELECT 'address'::text, NULL::bigint;
    RETURN;
  END IF;
  RETURN QUERY INSERT INTO login_attempts (email, ip, success, created_at) VALUES (p_email, p_ip, false, now_utc)
    RETURNING 'allowed'::text, id;
END
$$;
