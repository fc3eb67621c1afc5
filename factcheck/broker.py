"""kombu's Redis transport, minus a crash when Redis goes away under a busy worker.

When the worker loses its Redis connection, Celery first lets kombu drop the
connection's references (`Connection.collect()`), then closes it; closing the
channel tries to give the worker's delivered, unacknowledged messages back to
Redis with a connection that no longer exists, and raises AttributeError
("'NoneType' object has no attribute 'hostname'", kombu 5.7). Celery does not
expect that error there and stops the worker for good ("Unrecoverable error"),
so a Redis restart under load left no worker running.

Here that give-back is skipped when the connection is gone. Nothing is lost by
skipping it: those messages are still in Redis's unacked set (if Redis kept its
data), and any worker restores them after the visibility timeout; if Redis lost
them, the sweeper re-sends what the database says is still pending.
settings.py selects this transport for redis:// broker URLs.
"""

from __future__ import annotations

import logging
from typing import Any

from kombu.transport import redis

logger = logging.getLogger(__name__)


class QoS(redis.QoS):
    def restore_unacked(self, client: Any = None) -> Any:
        if client is None and self.channel.connection.client is None:
            logger.warning(
                "broker connection lost: %d unacknowledged messages are left to the "
                "visibility timeout", len(self._delivered)
            )
            self._delivered.clear()
            return None
        return super().restore_unacked(client)


class Channel(redis.Channel):
    QoS = QoS


class Transport(redis.Transport):
    Channel = Channel
