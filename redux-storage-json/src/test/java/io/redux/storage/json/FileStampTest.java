package io.redux.storage.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileStampTest {

    private final FileStamp stamp = new FileStamp("(dev=801,ino=42)", 100, 5);

    @Test
    void stampsOfTheSameInodeSizeAndTimeAreEqual() {
        FileStamp same = new FileStamp("(dev=801,ino=42)", 100, 5);

        assertThat(stamp).isEqualTo(same).hasSameHashCodeAs(same);
    }

    @Test
    void anotherInodeSizeOrTimeIsAnotherVersion() {
        assertThat(stamp).isNotEqualTo(new FileStamp("(dev=801,ino=43)", 100, 5))
                .isNotEqualTo(new FileStamp("(dev=801,ino=42)", 101, 5))
                .isNotEqualTo(new FileStamp("(dev=801,ino=42)", 100, 6))
                .isNotEqualTo(null);
    }
}
