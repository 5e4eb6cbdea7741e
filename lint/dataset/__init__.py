"""`plancheck dataset`: JSONL and Parquet shards cleaned record by record, locally or on Ray Data."""
