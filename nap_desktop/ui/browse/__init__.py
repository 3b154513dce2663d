"""The Browse views: fact cards and their grid, the detail pane, charts drawn with pyqtgraph, the Charts and Sources browsers."""
