package io.kaskad.task;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.kaskad.channel.Channel;

/** What reading a task file found: its data rows, how many are valid, the channels they go over, the columns ignored. */
record ImportSummary(int totalRows, int validRows, int invalidRows, Set<Channel> channels, List<String> ignoredColumns) {

    String channelList() {
        return channels.stream().map(Channel::apiName).collect(Collectors.joining(","));
    }
}
