package io.redux.cli.conversations;

enum ExportFormat {
    JSON,
    MARKDOWN
}
