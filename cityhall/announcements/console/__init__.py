"""Staff pages of お知らせ: notices (draft, approval, withdrawal), emergency, channel rules."""

GET_POST = ["GET", "POST"]
