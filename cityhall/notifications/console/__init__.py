"""Staff console of the notifications: the outbox (every e-mail, its delivery state, retries)."""
