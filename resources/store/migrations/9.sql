-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 9: products edited at the station. product_name, brand and description stay what the station
-- shows and prints (so the review's sort keys, its search and the labels read them as before); what Closient said
-- is kept beside them in server_name, server_brand and server_description, and edited holds the time of a local
-- edit (NULL when there is none). Every product already cached came from Closient: its values are the server's.
-- ADD COLUMN keeps every row and every trigger on products as it is.

ALTER TABLE products ADD COLUMN server_name TEXT;
ALTER TABLE products ADD COLUMN server_brand TEXT;
ALTER TABLE products ADD COLUMN server_description TEXT;
ALTER TABLE products ADD COLUMN edited TEXT;
UPDATE products SET server_name = product_name, server_brand = brand, server_description = description;
