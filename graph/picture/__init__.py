"""The picture: colours, label sizes, layout, polish and the scene drawn by page and pictures."""
