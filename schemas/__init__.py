"""pandera contracts: one DataFrameModel per step output, one module per layer."""
