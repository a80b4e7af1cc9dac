# 平台固定错误代码的提示：error-<代码>，其中“_”写作“-”。

error-invalid-json = 请求内容不是有效的 JSON。
error-validation-failed = 部分数据无效，请检查后重试。
error-invalid-timezone = 无法识别该时区，请从列表中选择，例如 Asia/Shanghai。
error-invalid-language = 暂不支持该语言，请从我们提供的十种语言中选择。
error-invalid-coordinates = 坐标超出范围：纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间。
error-invalid-date-range = 开始日期必须早于结束日期。
error-date-out-of-range = 该日期超出了我们能够计算的年份范围，请选择离今天更近的日期。
error-range-too-large = 日期范围太长，请选择更短的范围。
error-unknown-event-kind = 无法识别该事件类型。
error-not-found = 没有找到你要的内容。
error-unauthorized = 请先登录再继续。
error-token-expired = 该链接已过期，请重新获取。
error-token-invalid = 该链接无效，请重新获取。
error-token-used = 该链接已被使用过，请重新获取。
error-forbidden = 你没有访问权限。
error-subscription-required = 请先订阅 { $channel }，然后重试。
error-rate-limited = 请求过于频繁，请在{ $seconds }秒后重试。
error-body-too-large = 请求内容过大。
error-internal-error = 我们这边出了点问题，请稍后重试。
error-invalid-credentials = 邮箱或密码不正确。
error-email-taken = 该邮箱已注册过账号。
error-weak-password = 这个密码太容易被猜到，请设置更长的密码。
error-account-already-linked = 该账号已绑定其他 Telegram 账号。
error-method-not-allowed = 此处不允许该操作。
