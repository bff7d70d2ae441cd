"""Spreading the per-article stage: streamed input (`feed`), a process pool on one machine
(`local`), and a Dask cluster writing Parquet (`cluster`, the only module that imports Dask).

Whatever runs the stage, one writer in the main process stores the results in input order, so
the store is the same for any number of workers.
"""
