# Mensajes de los códigos de error estables de la plataforma: error-<código>, con «_» como «-».

error-invalid-json = El cuerpo de la solicitud no es un JSON válido.
error-validation-failed = Algunos datos no son válidos. Revísalos y vuelve a intentarlo.
error-invalid-timezone = No reconocemos esta zona horaria. Elige una de la lista, por ejemplo Europe/Madrid.
error-invalid-language = Este idioma no está disponible. Elige uno de los diez idiomas que hablamos.
error-invalid-coordinates = Estas coordenadas no están en el globo: la latitud va de -90 a 90 y la longitud, de -180 a 180.
error-invalid-date-range = La fecha de inicio debe ser anterior a la fecha de fin.
error-date-out-of-range = Esta fecha está fuera de los años que podemos calcular ({ $supported }). Elige una fecha más cercana a hoy.
error-range-too-large = Este periodo es demasiado largo. Elige uno más corto.
error-unknown-event-kind = No conocemos este tipo de evento.
error-not-found = No encontramos lo que buscabas.
error-unauthorized = Inicia sesión para continuar.
error-token-expired = Este enlace ha caducado. Pide uno nuevo.
error-token-invalid = Este enlace no es válido. Pide uno nuevo.
error-token-used = Este enlace ya se ha usado. Pide uno nuevo.
error-forbidden = No tienes acceso a esto.
error-subscription-required = Suscríbete primero a { $channel } y vuelve a intentarlo.
error-rate-limited =
    { $seconds ->
        [one] Demasiadas solicitudes. Vuelve a intentarlo dentro de { $seconds } segundo.
        [many] Demasiadas solicitudes. Vuelve a intentarlo dentro de { $seconds } de segundos.
       *[other] Demasiadas solicitudes. Vuelve a intentarlo dentro de { $seconds } segundos.
    }
error-body-too-large = La solicitud es demasiado grande.
error-internal-error = Algo ha fallado por nuestra parte. Vuelve a intentarlo en un momento.
error-invalid-credentials = El correo electrónico o la contraseña no son correctos.
error-email-taken = Ya existe una cuenta con este correo electrónico.
error-weak-password = Esta contraseña es demasiado fácil de adivinar. Elige una más larga.
error-account-already-linked = Esta cuenta ya está vinculada a otra cuenta de Telegram.
error-method-not-allowed = Esta acción no está permitida aquí.
error-telegram-auth-invalid = No hemos podido confirmar tu inicio de sesión con Telegram. Vuelve a intentarlo desde Telegram.
error-telegram-not-configured = Ahora mismo no se puede iniciar sesión con Telegram.
error-telegram-unavailable = Ahora mismo no podemos conectar con Telegram. Inténtalo de nuevo en un momento.
error-refresh-token-reused = Por tu seguridad, esta sesión ha terminado. Vuelve a iniciar sesión.
error-server-busy = El servidor está ocupado en este momento. Inténtalo de nuevo en un momento.
error-account-deactivated = Esta cuenta ha sido desactivada. Ponte en contacto con el soporte.
error-picture-unavailable = Este evento no tiene imagen.
