# Texts of the web API (sign-in, account, Telegram linking).

web-link-telegram-hint = अपने खाते जोड़ने के लिए यह लिंक Telegram में खोलें और “स्टार्ट” दबाएँ। यह लिंक सिर्फ़ एक बार और { $minutes } मिनट तक काम करता है।
