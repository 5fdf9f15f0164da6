-- Webhook deliveries leased to one shop instance at a time, so several instances can share one database and
-- never send an order twice because two of them ran. `next_attempt_at` is again only the due time; a claim
-- sets the lease, and a row is due when both have passed. Times are unix milliseconds.

-- The instance attempting the delivery (its webhook worker's id, in the log at start); NULL when none is.
ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;
-- When that lease ends: an instance that crashed mid-attempt leaves the row to another one then.
ALTER TABLE deliveries ADD COLUMN lease_until INTEGER;
