package io.redux.cli.violation;

import io.netty.channel.EventLoopGroup;

/** Breaks the rules on purpose, to show the architecture rules catch it. Test code only. */
public final class CommandUsingNetty {

    public Class<?> loops() {
        return EventLoopGroup.class;
    }
}
