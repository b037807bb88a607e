-- The channel an outside system's account files Open311 requests by; no row: it is no Open311 client. $1 account id.
SELECT channel FROM intake_clients WHERE account_id = $1
